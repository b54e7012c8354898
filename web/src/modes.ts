// One colour per mode, used by the network, the route and the legend.

export const modeColors: Record<string, string> = {
  Rail1435: '#1f6fb2',
  Rail1520: '#7b3fa0',
  Road: '#b5651d',
  Sea: '#138d90',
  Ferry: '#e0457b',
  Air: '#6b7280',
  PipelineOil: '#3f3f3f',
  PipelineGas: '#c49a00',
};

export const modeLabels: Record<string, string> = {
  Rail1435: 'Rail 1435 mm',
  Rail1520: 'Rail 1520 mm',
  Road: 'Road',
  Sea: 'Sea',
  Ferry: 'Ferry',
  Air: 'Air',
  PipelineOil: 'Oil pipeline',
  PipelineGas: 'Gas pipeline',
};

export const colorOf = (mode: string): string => modeColors[mode] ?? '#444';
